#!/usr/bin/env bash
# Builds the Teams app package (manifest with your ids + the two icons) to sideload or upload.
# Usage: deploy/teams/package.sh <MicrosoftAppId> <bot host, e.g. prescreen.example.org> [Teams app id (GUID)] [output.zip]
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 <MicrosoftAppId> <bot host> [Teams app id GUID] [output.zip]" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
app_id="$1"
host="$2"
teams_app_id="${3:-$(python3 -c 'import uuid; print(uuid.uuid4())')}"
out="${4:-prescreenbot-teams.zip}"
python3 - "$here" "$app_id" "$host" "$teams_app_id" "$out" <<'PY'
import json, re, sys, zipfile
here, app_id, host, teams_app_id, out = sys.argv[1:]
guid = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
for name, value in (("MicrosoftAppId", app_id), ("Teams app id", teams_app_id)):
    if not guid.match(value):
        sys.exit(f"{name} must be a GUID, got '{value}'")
if "/" in host or ":" in host:
    sys.exit(f"bot host is a host name only (no scheme, path or port), got '{host}'")
text = open(f"{here}/manifest.json", encoding="utf-8").read()
text = text.replace("{{MICROSOFT_APP_ID}}", app_id).replace("{{TEAMS_APP_ID}}", teams_app_id).replace("{{BOT_HOST}}", host)
json.loads(text)  # still valid JSON
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("manifest.json", text)
    z.write(f"{here}/color.png", "color.png")
    z.write(f"{here}/outline.png", "outline.png")
print(f"wrote {out} (Teams app id {teams_app_id})")
PY
