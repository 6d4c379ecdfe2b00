#!/usr/bin/env bash
# `npm test` three times in a row while two CPU hogs keep both cores busy: the suite must
# pass on a loaded machine, never only on an idle one. Prints each run's time and result.
#   npm run test:loaded            (RUNS=n to change the count)
set -uo pipefail
cd "$(dirname "$0")/../.."
export CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=true
runs=${RUNS:-3}
mkdir -p dist
hogs=()
stop_hogs() { for p in "${hogs[@]}"; do kill "$p" 2>/dev/null; done; wait "${hogs[@]}" 2>/dev/null; }
trap stop_hogs EXIT INT TERM
for _ in 1 2; do node -e 'for(;;);' & hogs+=($!); done
echo "CPU hogs running: ${hogs[*]}"

failed=0
summary=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if npm test > "dist/test-loaded-$i.log" 2>&1; then result=passed; else result=FAILED; failed=1; fi
  took=$(( $(date +%s) - start ))
  summary+=("run $i: $result in ${took} s (log: dist/test-loaded-$i.log)")
  echo "${summary[-1]}"
done
echo
printf '%s\n' "${summary[@]}"
exit $failed
