#!/bin/sh
# The demo's offline evaluation: the sample snapshot with the recommended rules, written as JSON,
# CSV and HTML into demo-output/ from one evaluation, then a summary with the paths. The CLI exits 1
# when it finds violations, which the sample has: only 2 (bad input) or worse fails the demo.
out=demo-output
mkdir -p "$out"
node assets/cli/index.js evaluate --out "$out/report.json" --out "$out/report.csv" --out "$out/report.html" "$1"
status=$?
[ "$status" -le 1 ] || exit "$status"
node -e '
const { summary, resource_summary: resources } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(`${process.argv[2]}: evaluations ${summary.compliance_percentage}% compliant (${summary.compliant} of ${summary.total_evaluations}); ` +
  `resources ${resources.compliance_percentage}% compliant (${resources.compliant} of ${resources.total}, ${resources.non_compliant} non-compliant)`);
' "$out/report.json" "$1"
echo "wrote $out/report.json, $out/report.csv and $out/report.html (open the HTML in a browser); the example app is in cdk.out/"
