#!/bin/sh
# The demo's offline evaluation of a sample Config snapshot. The CLI exits 1 when it finds
# violations, which the sample has: only 2 (bad input) or worse fails the demo.
node assets/cli/index.js evaluate --format text "$1"
status=$?
[ "$status" -le 1 ] || exit "$status"
