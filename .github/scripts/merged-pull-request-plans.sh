#!/usr/bin/env bash
# Downloads into <dir> the plans that the pull-request workflow saved for the pull request
# this push merged (its last successful run on the pull request's last commit: one artifact
# per wave and shard, landing-zone-plans-wave-<n>-shard-<i>, gathered into <dir>), and says
# whether that pull request carried the risk-approved label (output risk-approved).
# Finding none is no error: the wave runner then plans every stack afresh.
#
#   merged-pull-request-plans.sh <dir>     with GH_TOKEN, GITHUB_REPOSITORY, GITHUB_SHA and GITHUB_OUTPUT set
set -euo pipefail
directory="$1"
mkdir -p "$directory"
approved=false
pull="$(gh api "repos/${GITHUB_REPOSITORY}/commits/${GITHUB_SHA}/pulls" --jq '[.[] | select(.merged_at != null)][0].number // empty')"
if [ -z "$pull" ]; then
  echo "No merged pull request for ${GITHUB_SHA}: every stack is planned afresh."
else
  head="$(gh api "repos/${GITHUB_REPOSITORY}/pulls/${pull}" --jq '.head.sha')"
  if [ "$(gh api "repos/${GITHUB_REPOSITORY}/pulls/${pull}" --jq '[.labels[].name] | index("risk-approved") != null')" = true ]; then
    approved=true
  fi
  run="$(gh api "repos/${GITHUB_REPOSITORY}/actions/workflows/pull-request.yml/runs?head_sha=${head}&status=success&per_page=1" --jq '.workflow_runs[0].id // empty')"
  if [ -z "$run" ]; then
    echo "Pull request #${pull} has no successful plan run on ${head}: every stack is planned afresh."
  elif ! gh run download "$run" --pattern 'landing-zone-plans-*' --dir "$directory/artifacts"; then
    echo "The plans of run ${run} are gone (expired, or none were saved): every stack is planned afresh."
  else
    # A stack is in one shard of one wave: its files are in one artifact, never two.
    find "$directory/artifacts" -type f -exec mv -t "$directory" {} +
    rm -rf "$directory/artifacts"

    echo "Plans of pull request #${pull} (run ${run}) downloaded into ${directory}."
  fi
fi
echo "risk-approved=${approved}" >> "$GITHUB_OUTPUT"
