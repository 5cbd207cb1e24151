import type { Messages } from '../en';

export const commandsEs: Messages['commands'] = {
  keyHint: 'Atajo: {{keys}}',
  paletteOpen: 'Abrir la paleta de comandos',
  showShortcuts: 'Ver los atajos de teclado',
  createRecord: 'Nuevo registro en esta sección',
  undo: 'Deshacer el último cambio',
  closeDrawer: 'Cerrar el registro',
  closePopup: 'Cerrar el menú',
  goTo: 'Ir a {{section}}',
  listNext: 'Fila siguiente',
  listPrevious: 'Fila anterior',
  listOpen: 'Abrir el registro de la fila',
  listToggleSelection: 'Marcar o desmarcar la fila (Mayús: desde la última marcada)',
  listEditCell: 'Editar la fila en su sitio (Tab: celda siguiente, Intro: guardar, Esc: cancelar)',
  boardDown: 'Tarjeta siguiente de la columna',
  boardUp: 'Tarjeta anterior de la columna',
  boardLeft: 'Columna de la izquierda',
  boardRight: 'Columna de la derecha',
  nextStage: 'Pasar el negocio a la etapa siguiente',
  previousStage: 'Devolver el negocio a la etapa anterior',
  markWon: 'Marcar el negocio como ganado',
  markLost: 'Marcar el negocio como perdido',
  boardGrab: 'Tomar la tarjeta para moverla con las flechas',
  boardOpen: 'Abrir el negocio',
  assignToMe: 'Asignármelo',
  assigned: 'Ahora es tuyo.',
  alreadyYours: 'Ya es tuyo.',
  nextPipeline: 'Cambiar al siguiente embudo',
  useTheme: 'Tema: {{theme}}',
  useLanguage: 'Idioma: {{language}}',
  scopes: {
    global: 'En todas partes',
    list: 'Listas',
    board: 'Tablero',
    drawer: 'Registro abierto',
    dialog: 'Diálogos y menús',
  },
};

export const keyboardEs: Messages['keyboard'] = {
  title: 'Atajos de teclado',
  intro:
    'Elige Cambiar y pulsa la nueva tecla, o dos teclas una tras otra. Esc cancela. Tus teclas se guardan en este dispositivo.',
  command: 'Comando',
  keys: 'Teclas',
  actions: 'Acciones',
  pressKeys: 'Pulsa las nuevas teclas…',
  changeShort: 'Cambiar',
  change: 'Cambiar las teclas de {{command}}',
  recordingShort: 'Grabando…',
  recording: 'Grabando las teclas de {{command}}',
  resetShort: 'Restablecer',
  reset: 'Restablecer las teclas por defecto de {{command}}',
  conflict: '{{keys}} ya lo usa «{{command}}» ({{scope}}). Elige otras teclas.',
};

export const cheatSheetEs: Messages['cheatSheet'] = {
  title: 'Atajos de teclado',
  noKey: 'Sin tecla',
};

export const keysEs: Messages['keys'] = {
  space: 'Espacio',
  enter: 'Intro',
  escape: 'Esc',
  tab: 'Tab',
  backspace: 'Retroceso',
  delete: 'Supr',
  then: 'y luego',
  or: 'o',
};

export const paletteEs: Messages['palette'] = {
  title: 'Paleta de comandos',
  inputLabel: 'Buscar registros y comandos',
  placeholder: 'Busca un contacto, empresa, prospecto o negocio, o escribe un comando…',
  results: 'Resultados',
  recent: 'Abiertos recientemente',
  commands: 'Comandos',
  indexing_one: 'Indexando {{count}} registro…',
  indexing_other: 'Indexando {{count}} registros…',
  empty: 'Nada coincide con «{{query}}». Prueba con menos letras o con otra palabra.',
  failed: 'La búsqueda no está disponible ahora: {{message}}',
};
