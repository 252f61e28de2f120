#!/bin/sh
# `npm run check`: typecheck, lint and the format check side by side. Each is a single process,
# so on a two-core machine running them at once saves about half their time in every `npm test`.
# Each tool's output is printed whole when it ends; the exit status fails if any of them fails.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

run() {
  name=$1
  shift
  if "$@" >"$dir/$name.log" 2>&1; then echo ok >"$dir/$name.status"; else echo failed >"$dir/$name.status"; fi
}

run typecheck npx tsc --noEmit &
run eslint npx eslint . &
run prettier npx prettier --check . &
wait

status=0
for name in typecheck eslint prettier; do
  echo "::: $name: $(cat "$dir/$name.status")"
  cat "$dir/$name.log"
  [ "$(cat "$dir/$name.status")" = ok ] || status=1
done
exit $status
