#!/usr/bin/env bash
# Posts a file as a comment on the pull request $PR_NUMBER, or updates the comment of the
# same kind this workflow posted before, so that a pull request has one review comment and
# one plan comment however often it is pushed to.
#
#   sticky-comment.sh <kind> <file>        with GH_TOKEN, GITHUB_REPOSITORY and PR_NUMBER set
set -euo pipefail
kind="$1"
file="$2"
marker="<!-- landing-zone:${kind} -->"
body="$(mktemp)"
{
  echo "$marker"
  echo
  cat "$file"
} > "$body"
existing="$(gh api --paginate "repos/${GITHUB_REPOSITORY}/issues/${PR_NUMBER}/comments" \
  --jq ".[] | select(.user.login == \"github-actions[bot]\" and (.body | startswith(\"${marker}\"))) | .id")"
existing="${existing%%$'\n'*}"
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/${GITHUB_REPOSITORY}/issues/comments/${existing}" -F "body=@${body}" > /dev/null
else
  gh api --method POST "repos/${GITHUB_REPOSITORY}/issues/${PR_NUMBER}/comments" -F "body=@${body}" > /dev/null
fi
