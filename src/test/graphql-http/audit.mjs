// The GraphQL-over-HTTP server audit of the graphql-http project, run against a running gateway.
//
//   npm install --no-save graphql-http@1.23.1 graphql@16   (in this folder or any parent of it)
//   GATEWAY_URL=http://localhost:8080/graphql node src/test/graphql-http/audit.mjs
//
// With authentication on, give the gateway's bearer token in GATEWAY_TOKEN, or a PEM private key
// (GATEWAY_JWT_KEY=src/test/resources/security/test-private.pem) and issuer (GATEWAY_JWT_ISSUER) to mint a
// reader's token. Exit status 1 on a MUST failure (error) or a SHOULD warning (warn); MAY notices are listed only.
import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { auditServer } from 'graphql-http';

const url = process.env.GATEWAY_URL ?? 'http://localhost:8080/graphql';

function mint(keyFile, issuer) {
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iss: issuer, upn: 'graphql-http-audit', groups: ['billing-read'], iat: now, exp: now + 600 })}`;
  const signature = createSign('RSA-SHA256').update(body).sign(readFileSync(keyFile)).toString('base64url');
  return `${body}.${signature}`;
}

const token = process.env.GATEWAY_TOKEN
  ?? (process.env.GATEWAY_JWT_KEY ? mint(process.env.GATEWAY_JWT_KEY, process.env.GATEWAY_JWT_ISSUER ?? '') : null);

const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers ?? {});
  if (token) {
    headers.set('authorization', `Bearer ${token}`);
  }
  return fetch(input, { ...init, headers });
};

const results = await auditServer({ url, fetchFn });
let failed = 0;
for (const result of results) {
  const line = `${result.status.padEnd(6)} ${result.id} ${result.name}`;
  if (result.status === 'ok') {
    console.log(line);
    continue;
  }
  const body = result.response ? await result.response.text().catch(() => '') : '';
  console.log(`${line}\n       ${result.reason}${body ? `\n       response: ${body.slice(0, 300)}` : ''}`);
  if (result.status === 'error' || result.status === 'warn') {
    failed++;
  }
}
const count = (status) => results.filter((r) => r.status === status).length;
console.log(`\n${results.length} audits: ${count('ok')} ok, ${count('notice')} notices (MAY), ${count('warn')} warnings (SHOULD), ${count('error')} errors (MUST)`);
process.exit(failed ? 1 : 0);
