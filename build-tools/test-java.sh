#!/usr/bin/env bash
# The Java binding as a user gets it: examples/java/ compiles the sources jsii-pacmak generated into
# dist/java/ (package:java) with aws-cdk-lib, constructs and the jsii runtime from Maven Central, and
# runs its JUnit tests. Run by the test:java task. Without Maven it says so and does nothing: CI
# (.ci/run) requires Maven, so the tests always run there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v mvn >/dev/null; then
  echo 'test-java: Maven (mvn) is not installed: the Java example was not compiled or tested' >&2
  exit 0
fi
if [[ ! -f dist/java/pom.xml ]]; then
  echo 'test-java: no generated Java sources in dist/java/; run npx projen package:java' >&2
  exit 1
fi
exec mvn --batch-mode --quiet --no-transfer-progress -Dstyle.color=never -f examples/java/pom.xml test
