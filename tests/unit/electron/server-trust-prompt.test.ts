import { describe, expect, it } from 'vitest';
import { CONNECT_BUTTON, serverTrustPrompt } from '../../../electron/main/server-trust-prompt';

describe('the native dialog that allows a new sync server', () => {
  it('names the origin in the system’s language, with Cancel as the default and the Esc answer', () => {
    const english = serverTrustPrompt('https://crm.andes.example', 'en-GB');
    expect(english).toMatchObject({
      message: 'Connect Outpost to https://crm.andes.example?',
      defaultId: 0,
      cancelId: 0,
    });
    expect(english.buttons?.[CONNECT_BUTTON]).toBe('Connect');
    const spanish = serverTrustPrompt('https://crm.andes.example', 'es-419');
    expect(spanish.message).toBe('¿Conectar Outpost con https://crm.andes.example?');
    expect(spanish.buttons).toEqual(['Cancelar', 'Conectar']);
    expect(serverTrustPrompt('https://crm.andes.example', 'fr').buttons).toEqual(['Cancel', 'Connect']);
  });
});
