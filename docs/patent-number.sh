#!/usr/bin/env bash
# Appends the CNIPA check character (weights 2..9 repeating, sum mod 11, 10 = X) to a 12-digit application number.
set -euo pipefail
digits=$1; sum=0
for i in $(seq 0 $(( ${#digits} - 1 ))); do sum=$(( sum + ${digits:$i:1} * (2 + i % 8) )); done
check=$(( sum % 11 )); [ $check -eq 10 ] && check=X
echo "$digits.$check"
