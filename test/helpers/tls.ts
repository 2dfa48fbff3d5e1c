// A throwaway certificate for a local HTTPS server. Self-signed, so it is its own CA: a child trusts it
// through NODE_EXTRA_CA_CERTS=certFile (read when Node starts, hence children). openssl makes it, as Node
// has no API to.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SelfSignedCert {
  key: Buffer;
  cert: Buffer;
  /** The cert.pem written in `dir`, for NODE_EXTRA_CA_CERTS. */
  certFile: string;
}

/** Writes key.pem and cert.pem into `dir` for one name, e.g. `IP:127.0.0.1` or `DNS:ycloud.test`; valid one day. */
export function selfSignedCert(dir: string, san: string): SelfSignedCert {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1',
    '-subj', `/CN=${san.replace(/^\w+:/, '')}`, '-addext', `subjectAltName=${san}`], { stdio: 'ignore' });
  return { key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
}
