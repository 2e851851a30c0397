import { EXIT_BAD_INPUT, main } from './main';

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is no failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') {
    throw error;
  }
});

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
}).then((code) => {
  process.exitCode = code;
}, (error: Error) => {
  // Never a stack: one line, as for any other input the CLI cannot read.
  process.stderr.write(`cdk-compliance-monitor: ${error.message}\n`);
  process.exitCode = EXIT_BAD_INPUT;
});
