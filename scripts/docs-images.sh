#!/usr/bin/env bash
# Remakes the dashboard's pictures under docs/ from the browser tests' screenshots, so that they show the pages
# as the code draws them now:
#
#   docs/dashboard.png       the study page of DashboardBrowserTest's quadratic study (study-quadratic-top.png)
#   docs/dashboard-run.png   the page of DashboardRunsTest's 40-generation evolution run (run-page-docs.png)
#
#   scripts/docs-images.sh [MAVEN OPTION...]    e.g. -o to build offline
#
# Runs those two tests in headless Chromium (scripts/browser.sh installs it), then copies the two screenshots
# from target/screenshots into docs/. About two minutes on two cores. Check the pictures before committing them.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
scripts/browser.sh
rm -f nas-dashboard/target/screenshots/study-quadratic-top.png nas-cli/target/screenshots/run-page-docs.png
mvn "$@" -q -B -pl nas-cli -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='DashboardBrowserTest#historyHasOnePointPerCompleteTrialAndTheStudysBestSoFar,DashboardRunsTest#aRunPageReadsInANarrowWindowAndGivesTheReplayCommandWhenNoFramesAreStored'
cp nas-dashboard/target/screenshots/study-quadratic-top.png docs/dashboard.png
cp nas-cli/target/screenshots/run-page-docs.png docs/dashboard-run.png
echo "docs-images.sh: docs/dashboard.png and docs/dashboard-run.png remade" >&2
