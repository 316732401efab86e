#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, Debian chromium) on the home, an industry and a project page and the projects
# explorer in both languages; prints the four category scores. A benchmark, not a test. Usage: tools/lighthouse.sh OUTPUT_DIR
# (a site built with publishconf.py: SEO needs absolute canonical URLs). The local server does not gzip.
set -euo pipefail
out="${1:-output}"
tools="$(dirname "$0")/lighthouse"
[ -x "$tools/node_modules/.bin/lighthouse" ] || npm i --prefix "$tools" -E lighthouse@12.2.3 --silent --no-audit --no-fund
python3 -m http.server 8791 --bind 127.0.0.1 --directory "$out" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
for page in "" "industries/chemicals/" "projects/zhongce-rubber-chunqiu-expansion/" "projects/" \
            "en/" "en/industries/chemicals/" "en/projects/zhongce-rubber-chunqiu-expansion/" "en/projects/"; do
  CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:8791/$page" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking" \
    --output=json --output-path=/tmp/lh.json >/dev/null 2>&1 || { echo "/$page: lighthouse failed"; continue; }
  python3 -c "import json;c=json.load(open('/tmp/lh.json'))['categories'];print('/$page', ' · '.join(f'{k} {round(v[\"score\"]*100)}' for k,v in c.items()))"
done
