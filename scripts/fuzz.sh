#!/usr/bin/env bash
# Fuzzes gradviz with libFuzzer for a bounded time and keeps what crashes.
#
#   scripts/fuzz.sh [--seconds N] [--targets lesson,parser] [--no-asan] [--seed S] [--ci]
#
# Targets (Fuzz/Targets): `lesson` runs a whole program through LessonRunner with small
# limits, then plans its frames and writes the step-through; `parser` lexes and parses it. Both are built with `swiftc -sanitize=fuzzer`
# (and AddressSanitizer unless --no-asan) over the package's modules, which SwiftPM
# compiles with the same instrumentation into .build-fuzz/. Seeds: the shipped lessons,
# the golden programs and programs from scripts/fuzz_gen.py (torch calls with extreme
# arguments, Python constructs at their edges); its names and edge values also make the
# libFuzzer dictionary.
#
# Each target runs N seconds (default 60) in fork mode, going on past a crash; crashes,
# timeouts and out-of-memory inputs are kept in .build-fuzz/crashes/<target>/ and, at the
# end, run through the gradviz binary with the same limits and grouped by signature
# (scripts/fuzz_gen.py triage). The exit status is 1 when an input failed with a
# signature that Tests/Fuzz/open/signatures.txt does not list as known and still open.
# Executions per run are appended to .build-fuzz/campaign.txt.
# --ci: a fresh corpus and crash folder, so each CI run explores anew.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
targets="lesson,parser"
sanitizers="fuzzer,address"
seed="$RANDOM"
ci=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --targets) targets="$2"; shift 2 ;;
    --no-asan) sanitizers="fuzzer"; shift ;;
    --seed) seed="$2"; shift 2 ;;
    --ci) ci=1; shift ;;
    *) echo "usage: $0 [--seconds N] [--targets lesson,parser] [--no-asan] [--seed S] [--ci]" >&2; exit 2 ;;
  esac
done

root="$PWD"
work="$root/.build-fuzz"
flavour="${sanitizers//,/-}"
build="$work/build-$flavour"
mkdir -p "$work"

# The modules, instrumented. Only library targets: libFuzzer brings its own main.
for module in Torch Stepper; do
  swift build -c release --build-path "$build" --target "$module" -Xswiftc "-sanitize=$sanitizers" 2>&1 | tail -1
done
products="$build/release"
# The modules' objects, and the system libraries they need.
mapfile -t link_args < <(python3 scripts/fuzz_link_args.py "$products" Torch Stepper)
for target in ${targets//,/ }; do
  source_file="Fuzz/Targets/$(tr '[:lower:]' '[:upper:]' <<< "${target:0:1}")${target:1}Fuzz.swift"
  binary="$products/$target-fuzz"
  if [ ! -x "$binary" ] || [ -n "$(find "$products"/*.build "$source_file" -newer "$binary" -name '*.[os]*' -print -quit)" ]; then
    swiftc -O "-sanitize=$sanitizers" -parse-as-library -module-name "${target}_fuzz" "$source_file" \
      -I "$products/Modules" "${link_args[@]}" -o "$binary.new" 2>&1 | grep -v "Cannot export local symbol" || true
    # A campaign may still be running the old binary: replace it by rename.
    mv "$binary.new" "$binary"
  fi
done

# Seeds and the dictionary.
seeds="$work/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
while IFS= read -r file; do
  cp "$file" "$seeds/${file//\//_}"
done < <(find Lessons Tests/Goldens -name '*.txt' ! -name torch_facts.txt)
python3 scripts/fuzz_gen.py programs --count 300 --seed "$seed" --out "$seeds"
python3 scripts/fuzz_gen.py dict --out "$work/torch.dict"

# The gradviz binary that triage runs crash inputs with.
swift build --product gradviz 2>&1 | tail -1
gradviz="$(swift build --show-bin-path)/gradviz"

status=0
for target in ${targets//,/ }; do
  corpus="$work/corpus/$target"
  crashes="$work/crashes/$target"
  [ "$ci" = 1 ] && rm -rf "$corpus" "$crashes"
  mkdir -p "$corpus" "$crashes"
  log="$work/$target.log"
  echo "fuzzing $target for $seconds s (seed $seed, log $log)"
  # Programs may write files (savefig): they run in a scratch folder, never in the checkout.
  scratch="$work/scratch-$target"
  mkdir -p "$scratch"
  (cd "$scratch" && SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
    nice -n 19 "$products/$target-fuzz" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=8192 -seed="$seed" \
    -dict="$work/torch.dict" -artifact_prefix="$crashes/" "$corpus" "$seeds" > "$log" 2>&1) || true
  runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  echo "$target: ${runs:-0} executions"
  echo "$(date +%FT%T) $target seconds=$seconds executions=${runs:-0} seed=$seed" >> "$work/campaign.txt"
  mapfile -t found < <(find "$crashes" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
  if [ "${#found[@]}" -gt 0 ]; then
    python3 scripts/fuzz_gen.py triage --binary "$gradviz" --fuzz-limits "${found[@]}" | tee "$work/$target.triage"
    if python3 scripts/fuzz_gen.py unknown --known Tests/Fuzz/open/signatures.txt "$work/$target.triage"; then
      echo "$target: only known open failures (Tests/Fuzz/open)"
    else
      status=1
    fi
  fi
done
exit "$status"
