import type { Messages } from '../en';

export const leadSettingsEs: Messages['leadSettings'] = {
  lists: {
    'disqualify-reasons': {
      title: 'Motivos de descarte',
      hint: 'Lo que elige un comercial al descartar un prospecto.',
      newItem: 'Nuevo motivo de descarte',
      add: 'Añadir motivo',
    },
    'lead-sources': {
      title: 'Orígenes de prospectos',
      hint: 'De dónde vienen los prospectos y contactos: sus formularios ofrecen estos.',
      newItem: 'Nuevo origen de prospectos',
      add: 'Añadir origen',
    },
  },
  itemName: 'Nombre de {{label}}',
  rename: 'Renombrar {{label}}',
  moveUp: 'Subir {{label}}',
  moveDown: 'Bajar {{label}}',
  remove: 'Quitar {{label}}',
  removed: 'Se quitó {{label}}',
  restored: 'Se restauró {{label}}',
  saved: 'Guardado',
  problems: {
    blank: 'Escribe un nombre.',
    tooLong: 'Usa como máximo 100 caracteres.',
    duplicate: 'La lista ya tiene un elemento con ese nombre.',
    full: 'La lista está llena (500 elementos).',
  },
};
