#!/bin/bash
# Starts a loopback docker-registry (Debian package docker-registry, distribution 2.8) that demands bearer tokens, and
# a token service (token-service.py) that issues them to one user through HTTP Basic: the WWW-Authenticate challenge
# flow registries such as Docker Hub, GHCR and Harbor use. Prints the two process ids (stop them with kill PID).
# Usage: bench/images/token-registry.sh DIR REGISTRY_PORT TOKEN_PORT USER PASSWORD
# Needs: docker-registry, openssl, python3-cryptography. Everything is written under DIR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$(mkdir -p "$1" && cd "$1" && pwd)"
registry_port="$2"
token_port="$3"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=bench-token-issuer \
  -keyout "$dir/token.key" -out "$dir/token.crt" 2>/dev/null
cat >"$dir/config.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
http:
  addr: 127.0.0.1:$registry_port
auth:
  token:
    realm: http://127.0.0.1:$token_port/token
    service: bench-registry
    issuer: bench-token-issuer
    rootcertbundle: $dir/token.crt
YML
python3 "$here/token-service.py" "$token_port" "$dir/token.key" "$dir/token.crt" "$4" "$5" >"$dir/token.log" 2>&1 &
echo "token service pid $!"
docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
echo "registry pid $!"
