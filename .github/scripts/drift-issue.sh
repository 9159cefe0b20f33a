#!/usr/bin/env bash
# Keeps one open issue, labelled landing-zone-drift, about the stacks whose real state
# differs from main: opened or updated with the drift report, closed when nothing differs.
#
#   drift-issue.sh open <report.md>        with GH_TOKEN, GH_REPO, GITHUB_SERVER_URL and GITHUB_RUN_ID set
#   drift-issue.sh close
set -euo pipefail
label=landing-zone-drift
run="${GITHUB_SERVER_URL}/${GH_REPO}/actions/runs/${GITHUB_RUN_ID}"
open="$(gh issue list --label "$label" --state open --json number --jq '.[0].number // empty')"
case "$1" in
  open)
    body="$(mktemp)"
    {
      cat "$2"
      echo
      echo "Found by ${run}; its summary has the plans of the drifted stacks."
    } > "$body"
    gh label create "$label" --color B60205 --description "Stacks whose real state differs from the landing zone" --force > /dev/null
    if [ -n "$open" ]; then
      gh issue edit "$open" --body-file "$body" > /dev/null
      gh issue comment "$open" --body "Still drifting: ${run}" > /dev/null
    else
      gh issue create --title "Landing zone drift" --label "$label" --body-file "$body" > /dev/null
    fi
    ;;
  close)
    if [ -n "$open" ]; then gh issue close "$open" --comment "No stack differs from its real state any more: ${run}" > /dev/null; fi
    ;;
  *)
    echo "usage: drift-issue.sh open <report.md> | close" >&2
    exit 1
    ;;
esac
