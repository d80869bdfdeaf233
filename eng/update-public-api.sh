#!/usr/bin/env bash
# Regenerates the public API baseline (PublicAPI.*.txt) of the two libraries from their code.
#
#   eng/update-public-api.sh             new public API goes to PublicAPI.Unshipped.txt (the usual case after a release)
#   eng/update-public-api.sh --shipped   rewrites the whole baseline into PublicAPI.Shipped.txt (before the first release
#                                        is published, or when a release is cut)
#
# It builds each target framework with the baseline emptied, reads the RS0016 ("not part of the declared public API")
# warnings, and writes the lines every framework shares to <project>/PublicAPI.<kind>.txt and the lines only one
# framework has to <project>/PublicAPI/<tfm>/PublicAPI.<kind>.txt. A removed public member (RS0017) is never removed
# from PublicAPI.Shipped.txt by the default mode: deleting shipped API is a breaking change, to be made by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

kind=Unshipped
case "${1:-}" in
  "") ;;
  --shipped) kind=Shipped ;;
  *) echo "usage: $0 [--shipped]" >&2; exit 2 ;;
esac

projects=(src/Partnerize.Client src/Partnerize.Client.Testing)
frameworks=(net8.0 net10.0)
header='#nullable enable'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

reset() { printf '%s\n' "$header" > "$1"; }

for project in "${projects[@]}"; do
  name=$(basename "$project")
  echo "== $name"
  reset "$project/PublicAPI.Unshipped.txt"
  [ "$kind" = Shipped ] && reset "$project/PublicAPI.Shipped.txt"
  for tfm in "${frameworks[@]}"; do
    mkdir -p "$project/PublicAPI/$tfm"
    reset "$project/PublicAPI/$tfm/PublicAPI.Unshipped.txt"
    if [ "$kind" = Shipped ] || [ ! -f "$project/PublicAPI/$tfm/PublicAPI.Shipped.txt" ]; then
      reset "$project/PublicAPI/$tfm/PublicAPI.Shipped.txt"
    fi
  done

  for tfm in "${frameworks[@]}"; do
    # Warnings stay warnings here so that every missing line is reported and dependent projects still build.
    dotnet build "$project/$name.csproj" -f "$tfm" --no-incremental -nologo -p:TreatWarningsAsErrors=false \
      > "$work/$name.$tfm.log" 2>&1 || { cat "$work/$name.$tfm.log" >&2; exit 1; }
    { grep "RS0016" "$work/$name.$tfm.log" || true; } | { grep -F "/$name.csproj" || true; } \
      | sed -E "s/.*RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/" \
      | LC_ALL=C sort -u > "$work/$name.$tfm.txt"
  done

  first="$work/$name.${frameworks[0]}.txt"
  second="$work/$name.${frameworks[1]}.txt"
  { echo "$header"; LC_ALL=C comm -12 "$first" "$second"; } > "$work/common"
  if [ "$kind" = Unshipped ] || [ "$(wc -l < "$work/common")" -gt 1 ]; then
    cp "$work/common" "$project/PublicAPI.$kind.txt"
  fi
  { echo "$header"; LC_ALL=C comm -23 "$first" "$second"; } > "$project/PublicAPI/${frameworks[0]}/PublicAPI.$kind.txt"
  { echo "$header"; LC_ALL=C comm -13 "$first" "$second"; } > "$project/PublicAPI/${frameworks[1]}/PublicAPI.$kind.txt"

  # Keep a framework folder only when it holds a line.
  for tfm in "${frameworks[@]}"; do
    if [ "$(cat "$project/PublicAPI/$tfm"/PublicAPI.*.txt | { grep -vcx "$header" || true; })" -eq 0 ]; then
      rm -r "$project/PublicAPI/$tfm"
    fi
  done
  rmdir "$project/PublicAPI" 2>/dev/null || true
  wc -l "$project"/PublicAPI.*.txt $(find "$project/PublicAPI" -name '*.txt' 2>/dev/null) | grep -v total
done

echo "== check"
for project in "${projects[@]}"; do
  dotnet build "$project" -nologo -v quiet || { echo "The baseline does not build cleanly: see above (RS0017 = removed API)." >&2; exit 1; }
done
