/**
 * Checks the packages of every target after `package-all`: the npm tarball, the Python wheel and
 * sdist, and the Java sources. Fails loudly, naming the artifact and what it lacks.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const DIST = path.join(__dirname, '..', 'dist');
const HANDLERS = ['analyzer', 'aggregator', 'remediator'];

function fail(message: string): never {
  console.error(`verify-packages: ${message}`);
  process.exit(1);
}

function onlyFile(dir: string, pattern: RegExp): string {
  const matches = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => pattern.test(name)) : [];
  if (matches.length !== 1) {
    fail(`expected one file matching ${pattern} in ${dir}, found ${matches.length ? matches.join(', ') : 'none'}`);
  }
  return path.join(dir, matches[0]);
}

function expectContains(artifact: string, text: string, needle: string): void {
  if (!text.includes(needle)) {
    fail(`${artifact} does not contain ${JSON.stringify(needle)}`);
  }
}

function unzipMember(archive: string, member: string): Buffer {
  return execFileSync('unzip', ['-p', archive, member], { maxBuffer: 256 * 1024 * 1024 });
}

function tarListing(tgz: Buffer): string {
  return execFileSync('tar', ['-tzf', '-'], { input: tgz, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

// npm: the tarball the jsii targets embed.
const npmTarball = onlyFile(path.join(DIST, 'js'), /^cdk-compliance-monitor@.*\.jsii\.tgz$/);
const npmListing = tarListing(fs.readFileSync(npmTarball));
for (const handler of HANDLERS) {
  expectContains(npmTarball, npmListing, `package/assets/${handler}/index.js`);
}

// Python: module cdk_compliance_monitor with ComplianceMonitor, and the handler bundles it runs.
const wheel = onlyFile(path.join(DIST, 'python'), /^cdk_compliance_monitor-.*-py3-none-any\.whl$/);
onlyFile(path.join(DIST, 'python'), /^cdk_compliance_monitor-.*\.tar\.gz$|^cdk-compliance-monitor-.*\.tar\.gz$/);
const pythonModule = unzipMember(wheel, 'cdk_compliance_monitor/__init__.py').toString('utf8');
expectContains(`${wheel}: cdk_compliance_monitor/__init__.py`, pythonModule, 'class ComplianceMonitor(');
const wheelListing = execFileSync('unzip', ['-Z1', wheel], { encoding: 'utf8' });
const embedded = wheelListing.split('\n').find((name) => /^cdk_compliance_monitor\/_jsii\/.*\.jsii\.tgz$/.test(name));
if (!embedded) {
  fail(`${wheel} embeds no jsii tarball under cdk_compliance_monitor/_jsii/`);
}
const embeddedListing = tarListing(unzipMember(wheel, embedded));
for (const handler of HANDLERS) {
  expectContains(`${wheel}: ${embedded}`, embeddedListing, `package/assets/${handler}/index.js`);
}

// The stability a 0.x library states: jsii's experimental, which the wheel gives as Beta, and no other status.
const stability = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).stability;
if (stability !== 'experimental') {
  fail(`package.json states stability "${stability}": a 0.x library is "experimental"`);
}
const metadataMember = wheelListing.split('\n').find((name) => /^cdk_compliance_monitor-[^/]+\.dist-info\/METADATA$/.test(name))!;
const statuses = unzipMember(wheel, metadataMember).toString('utf8').split('\n').filter((line) => line.startsWith('Classifier: Development Status'));
if (statuses.join() !== 'Classifier: Development Status :: 4 - Beta') {
  fail(`${wheel}: ${metadataMember} states ${JSON.stringify(statuses)}, not only "Development Status :: 4 - Beta"`);
}

// Java: package io.github.cdkcompliancemonitor with the ComplianceMonitor class, and its Maven coordinates.
const javaSource = path.join(DIST, 'java', 'src', 'main', 'java', 'io', 'github', 'cdkcompliancemonitor', 'ComplianceMonitor.java');
if (!fs.existsSync(javaSource)) {
  fail(`${javaSource} is missing`);
}
expectContains(javaSource, fs.readFileSync(javaSource, 'utf8'), 'public class ComplianceMonitor extends software.constructs.Construct');
const pom = fs.readFileSync(path.join(DIST, 'java', 'pom.xml'), 'utf8');
expectContains('dist/java/pom.xml', pom, '<groupId>io.github.cdkcompliancemonitor</groupId>');
expectContains('dist/java/pom.xml', pom, '<artifactId>cdk-compliance-monitor</artifactId>');

console.log(`verify-packages: ${path.basename(npmTarball)}, ${path.basename(wheel)} and the Java sources hold ComplianceMonitor and the handler bundles; stability experimental, the wheel Beta`);
