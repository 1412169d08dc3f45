#!/usr/bin/env bash
# Makes a local CA and an HTTPS certificate it signs, for FakeEntra on localhost, 127.0.0.1 and the Docker service name
# "fakeentra" (add more names as arguments). Output: certs/out/{ca.crt,ca.key,server.crt,server.key,server.pfx}.
# Start FakeEntra with: --certificate certs/out/server.pfx   (or let it generate the same in its data directory).
set -euo pipefail
out="$(cd "$(dirname "$0")" && pwd)/out"
mkdir -p "$out"
cd "$out"

names=(localhost fakeentra "$@")
san="IP:127.0.0.1,IP:::1"
for name in "${names[@]}"; do san="$san,DNS:$name"; done

if [ ! -f ca.key ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
    -subj "/O=FakeEntra/CN=FakeEntra Local Development CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout ca.key -out ca.crt
  chmod 600 ca.key
fi

openssl req -newkey rsa:2048 -nodes -sha256 -subj "/O=FakeEntra/CN=localhost" -keyout server.key -out server.csr
cat > server.ext <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=$san
EXT
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 397 -sha256 -extfile server.ext -out server.crt
openssl pkcs12 -export -in server.crt -inkey server.key -certfile ca.crt -out server.pfx -passout pass:
rm -f server.csr server.ext ca.srl
echo "CA:          $out/ca.crt   (trust this one; see certs/README.md)"
echo "Certificate: $out/server.pfx (no password) for: ${names[*]}, 127.0.0.1, ::1"
