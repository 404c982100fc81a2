#!/usr/bin/env bash
# The steps of the agentls GitHub Action (action.yml): install agentls into its own virtualenv,
# run `agentls check` once for the log's annotations and once for the SARIF file, and hand the
# SARIF path, the finding count and the exit code to the next steps through $GITHUB_OUTPUT.
# Env: AGENTLS_PATHS (space-separated), AGENTLS_FAIL_ON, AGENTLS_VERSION (empty: latest; a
# version; or a pip requirement), RUNNER_TEMP, GITHUB_OUTPUT (both optional outside GitHub).
# The check's exit code is recorded, not returned, so the upload step runs on findings too.
set -euo pipefail

TEMP=${RUNNER_TEMP:-$(mktemp -d)}
OUTPUT=${GITHUB_OUTPUT:-/dev/null}
FAIL_ON=${AGENTLS_FAIL_ON:-error}
VERSION=${AGENTLS_VERSION:-}
case "$VERSION" in
  "") REQUIREMENT=agentls ;;
  [0-9]*) REQUIREMENT="agentls==$VERSION" ;;
  *) REQUIREMENT=$VERSION ;;
esac
case "$FAIL_ON" in
  error|warning|info|hint|never) ;;
  *) echo "::error title=agentls::fail-on must be error, warning, info, hint or never, not '$FAIL_ON'"; exit 2 ;;
esac

echo "::group::Install $REQUIREMENT"
VENV="$TEMP/agentls-venv"
python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$REQUIREMENT"
"$VENV/bin/agentls" --version
echo "::endgroup::"

# shellcheck disable=SC2206  # paths are space-separated on purpose (an action input is one string)
PATHS=(${AGENTLS_PATHS:-})
SARIF="$TEMP/agentls.sarif"

# Annotations in the log and on the pull request's files.
"$VENV/bin/agentls" check --format github --fail-on never "${PATHS[@]}" || true

set +e
"$VENV/bin/agentls" check --format sarif --fail-on "$FAIL_ON" "${PATHS[@]}" > "$SARIF"
CODE=$?
set -e
if [ "$CODE" -gt 1 ] || [ ! -s "$SARIF" ]; then
  echo "::error title=agentls::agentls check failed to run (exit $CODE)"
  exit "$CODE"
fi
FINDINGS=$("$VENV/bin/python" -c 'import json, sys; print(sum(len(r.get("results", [])) for r in json.load(open(sys.argv[1]))["runs"]))' "$SARIF")
echo "agentls: $FINDINGS finding(s); SARIF in $SARIF; exit $CODE with fail-on $FAIL_ON"
{
  echo "sarif=$SARIF"
  echo "findings=$FINDINGS"
  echo "exit-code=$CODE"
} >> "$OUTPUT"
