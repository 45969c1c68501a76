import { describe, expect, it } from 'vitest';
import { matchesStoredPassword } from './storedPassword';

// Computed with Python's hashlib (pbkdf2_hmac, hmac, sha256), as Postgres builds them.
const SCRAM_PENCIL = 'SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=';
const MD5_PENCIL = 'md57817e69145232b13c99bf9855fe94711';

describe('matchesStoredPassword', () => {
  it('checks a SCRAM-SHA-256 verifier', () => {
    expect(matchesStoredPassword(SCRAM_PENCIL, 'shop_command', 'pencil')).toBe(true);
    expect(matchesStoredPassword(SCRAM_PENCIL, 'shop_command', 'pencil2')).toBe(false);
  });

  it('checks an md5 hash, which is salted with the role name', () => {
    expect(matchesStoredPassword(MD5_PENCIL, 'shop_command', 'pencil')).toBe(true);
    expect(matchesStoredPassword(MD5_PENCIL, 'shop_query', 'pencil')).toBe(false);
  });

  it('answers false for no password or a format it does not know', () => {
    expect(matchesStoredPassword(null, 'shop_command', 'pencil')).toBe(false);
    expect(matchesStoredPassword('pencil', 'shop_command', 'pencil')).toBe(false);
    expect(matchesStoredPassword('SCRAM-SHA-256$4096:c2FsdA==$short:short', 'shop_command', 'pencil')).toBe(false);
  });
});
