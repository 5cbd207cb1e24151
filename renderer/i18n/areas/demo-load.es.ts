import type { Messages } from '../en';

export const demoLoadEs: Messages['demoLoad'] = {
  sizeLegend: 'Tamaño',
  sets: { small: 'Pequeño', medium: 'Mediano', large: 'Grande' },
  setDetails: '{{contacts}} contactos, unos {{records}} registros en total; necesita unos {{storage}}',
  storageAvailable: 'Espacio libre para Outpost en este dispositivo: unos {{available}}.',
  storageShort:
    'Puede que este dispositivo no tenga espacio para este conjunto: necesita unos {{needed}} y quedan unos {{available}} libres.',
  checkingServer: 'Comprobando con qué servidor se sincroniza este dispositivo…',
  serverUnknown:
    'El servidor no ha respondido, así que Outpost no puede saber si es el de este dispositivo: el conjunto grande se ofrecerá cuando responda.',
  teamWarning:
    'Este dispositivo ha iniciado sesión en un servidor de equipo ({{url}}): los registros de demostración se sincronizan con él y los verá todo el que tenga permiso. Cárgalos solo en un servidor que uses para probar Outpost.',
  largeLocalOnly:
    'El conjunto grande (unos 435.000 registros) solo se ofrece en un espacio de trabajo que está únicamente en este dispositivo: en un servidor de equipo se sincronizaría con todos. Para probarlo con un equipo, carga los datos en el servidor con npm run seed antes de iniciarlo.',
  load: 'Cargar datos de demostración',
  cancel: 'Cancelar la carga',
  progressLabel: 'Cargando datos de demostración',
  progress: '{{done}} de {{total}} registros',
  rate: '{{rate}} registros/s',
  timeLeft: 'quedan unos {{time}}',
  estimating: 'calculando el tiempo restante…',
  done: 'Datos de demostración cargados: {{records}} registros.',
  cancelled:
    'Carga detenida. Se conservan los {{written}} registros escritos hasta ahora, cada uno completo; vuelve a cargar el mismo conjunto hoy para añadir el resto.',
  quota:
    'Este dispositivo se ha quedado sin espacio para los datos de Outpost. Libera espacio en el disco o elige un conjunto más pequeño y vuelve a cargar: se conservan los registros escritos hasta ahora.',
  failed: 'No se pudieron cargar los datos de demostración: {{message}}',
};
