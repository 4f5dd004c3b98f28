#!/usr/bin/env bash
# Appends the GB 32100-2015 check character to 17 characters of a unified social credit code.
set -euo pipefail
alphabet=0123456789ABCDEFGHJKLMNPQRTUWXY
weights=(1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28)
code=$1; sum=0
for i in $(seq 0 16); do
  c=${code:$i:1}; v=${alphabet%%"$c"*}; sum=$(( sum + ${#v} * weights[i] ))
done
check=$(( 31 - sum % 31 )); [ $check -eq 31 ] && check=0
echo "$code${alphabet:$check:1}"
