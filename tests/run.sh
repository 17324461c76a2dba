#!/usr/bin/env bash
# Runs every PrescreenBot test on a fresh machine: installs what the tests need (Redis, Chromium,
# PostgreSQL, an SMTP server), builds, runs all test projects, and ends with the plain line
# "N passed, N failed". Fails loudly when a dependency cannot be installed; a test project that
# crashes, hangs or writes no results counts as a failure, never as nothing.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive

say() { printf '==> %s\n' "$*"; }
die() { printf 'tests/run.sh: %s\n' "$*" >&2; echo "0 passed, 1 failed"; exit 1; }

# --- 1. System packages the integration tests use (each test starts its own instance). ---
# Each check is what the tests themselves look for (the SMTP tests use Debian's /usr/bin/python3).
have() {
  case "$1" in
    redis-server) command -v redis-server >/dev/null 2>&1 ;;
    chromium) [ -x /usr/bin/chromium ] ;;
    postgresql) compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null ;;
    python3-aiosmtpd) [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 ;;
  esac
}
command -v dotnet >/dev/null 2>&1 || die "dotnet was not found on PATH; install the SDK pinned in global.json"
missing=()
for package in redis-server chromium postgresql python3-aiosmtpd; do
  have "$package" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
  apt_log="$(mktemp)"
  $sudo apt-get update -qq >"$apt_log" 2>&1 \
    || { tail -n 20 "$apt_log" >&2; die "apt-get update failed (need root or passwordless sudo); its last lines are above"; }
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$apt_log" 2>&1 \
    || { tail -n 20 "$apt_log" >&2; die "apt-get install ${missing[*]} failed; its last lines are above"; }
  for package in "${missing[@]}"; do
    have "$package" || die "$package was installed but is still not usable (see the check for it in tests/run.sh)"
  done
fi
# The Debian packages start their own services on install; the tests start private instances instead.
for svc in redis-server postgresql; do
  command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null && systemctl stop "$svc" >/dev/null 2>&1
  command -v service >/dev/null 2>&1 && service "$svc" stop >/dev/null 2>&1
done
true

# --- 2. Build (the host's build installs the pinned Web Chat bundle with npm ci). ---
say "building"
dotnet build PrescreenBot.sln -c Release -nologo -v quiet || die "build failed"

# --- 3. Test every test project; results as TRX so the totals can be counted. ---
results="$(mktemp -d)"
say "testing (results in $results)"
dotnet test PrescreenBot.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 5m -- RunConfiguration.TreatNoTestsAsError=true
test_exit=$?

# --- 4. Count. A project whose run was aborted (test host crashed or hung) counts one failure more than its
# failed tests; a project that wrote no results at all counts as one failure. ---
expected=$(ls tests/*/*.csproj | xargs grep -l '<IsTestProject>true' | wc -l)
counts="$(python3 - "$results" <<'PY'
import glob, re, sys
p = f = n = 0
for path in sorted(glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)):
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r'<Counters [^>]*>', text)
    if not m:
        print(f"tests/run.sh: {path} holds no totals; counted as one failure", file=sys.stderr)
        f += 1
        continue
    n += 1
    c = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    p += int(c.get("passed", 0))
    f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    # vstest records a crashed or hung test host as a run-level error, often with no failed test at all.
    aborted = re.search(r'The active test run was aborted[^<]*|Test host process crashed[^<]*', text)
    if aborted:
        print(f"tests/run.sh: test run aborted in {path}: {aborted.group(0).splitlines()[0]}", file=sys.stderr)
        f += 1
print(p, f, n)
PY
)" || counts=""
read -r passed failed files <<<"$counts"
if [ -z "${files:-}" ]; then
  echo "tests/run.sh: the test results in $results could not be counted" >&2
  passed=${passed:-0}; failed=1; files=$expected
fi
if [ "$files" -lt "$expected" ]; then
  echo "tests/run.sh: only $files of $expected test projects reported results" >&2
  failed=$((failed + expected - files))
fi
[ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
