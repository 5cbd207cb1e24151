import type { Messages } from '../en';

export const authEs: Messages['auth'] = {
  connecting: 'Conectando con el servidor…',
  connectingHint: 'Comprobando cómo inicia sesión {{url}}.',
  signingIn: 'Iniciando sesión…',
  signingInHint: 'Abriendo tu espacio de trabajo en este ordenador.',
  email: 'Correo electrónico',
  password: 'Contraseña',
  confirmPassword: 'Confirmar contraseña',
  name: 'Tu nombre',
  passwordHint: 'Al menos {{min}} caracteres.',
  passwordsDiffer: 'Las dos contraseñas no coinciden.',
  invalidEmail: 'Escribe un correo como nombre@ejemplo.com.',
  fillBoth: 'Escribe tu correo y tu contraseña.',
  signedInTo: 'Sesión iniciada en {{url}} como {{email}}. Para usar otro servidor, cierra sesión e inicia sesión allí.',
  signIn: {
    title: 'Inicia sesión en Outpost',
    hint: 'Usa el correo y la contraseña que te dio tu gerente de ventas.',
    submit: 'Iniciar sesión',
    busy: 'Iniciando sesión…',
  },
  setup: {
    title: 'Configura tu equipo',
    hint: 'Serás el gerente de ventas. Añadirás a los demás después en Ajustes → Usuarios.',
    teamName: 'Nombre del equipo',
    teamNameHint: 'Opcional, p. ej. «Región norte».',
    submit: 'Crear cuenta',
    busy: 'Creando tu cuenta…',
    fillAll: 'Escribe tu nombre y tu correo.',
  },
  server: {
    label: 'Dirección del servidor',
    hint: 'La dirección del servidor de Outpost de tu equipo.',
    current: 'Servidor: {{url}}',
    change: 'Cambiar de servidor',
    connect: 'Conectar',
    none: 'Este dispositivo aún no tiene un servidor donde iniciar sesión. Escribe la dirección del servidor de tu equipo.',
    insecure:
      'Un servidor en otro equipo debe usar una dirección segura que empiece por https://. La dirección http:// sin cifrar solo sirve para un servidor en este mismo equipo.',
    notOutpost:
      'Outpost no pudo contactar con un servidor de Outpost en {{url}}. Revisa la dirección y vuelve a intentarlo.',
    declined: 'Outpost no se conectó a {{url}}: no se permitió la conexión.',
    refused:
      'Esta dirección no se puede usar aquí. En un navegador, abre la dirección del servidor de tu equipo; en el escritorio, comprueba que es una dirección completa como https://crm.ejemplo.com.',
  },
  unreachable: {
    title: 'No se puede conectar con el servidor',
    retry: 'Reintentar',
  },
};

export const authErrorsEs: Messages['authErrors'] = {
  auth: {
    required: 'Inicia sesión, por favor.',
    invalidToken: 'Tu sesión caducó. Vuelve a iniciar sesión.',
    invalidCredentials: 'Correo o contraseña incorrectos.',
    refreshInvalid: 'Tu sesión ha terminado. Vuelve a iniciar sesión.',
    deactivated: 'Esta cuenta fue desactivada. Consulta a tu gerente de ventas.',
    setupDone: 'Este servidor ya está configurado. Inicia sesión.',
    localOnly: 'Este servidor requiere iniciar sesión con correo y contraseña.',
    localKeyInvalid:
      'Esta ventana no la abrió el Outpost que inició este servidor. Vuelve a abrir Outpost: la aplicación de escritorio o la dirección que mostró `npm start`.',
    busy: 'Se están comprobando muchos inicios de sesión en este momento. Vuelve a intentarlo en unos instantes.',
    emailTaken: 'Ya existe una cuenta con este correo.',
    weakPassword: 'Usa una contraseña de al menos {{min}} caracteres.',
  },
  user: {
    notFound: 'Este usuario ya no existe. Vuelve a cargar la lista.',
  },
  permission: {
    denied: 'Tu rol no permite hacer esto.',
  },
  rateLimited_one: 'Demasiados intentos. Vuelve a intentarlo en {{count}} minuto.',
  rateLimited_other: 'Demasiados intentos. Vuelve a intentarlo en {{count}} minutos.',
  offlineFirst:
    'No se puede conectar con el servidor. El primer inicio de sesión en un dispositivo necesita el servidor; después, Outpost también funciona sin conexión.',
  offline: 'No se puede conectar con el servidor. Revisa la conexión y vuelve a intentarlo.',
  noAuth: 'Este servidor no ofrece inicio de sesión. Revisa la dirección o actualiza el servidor.',
  server: 'El servidor tuvo un problema. Vuelve a intentarlo en un momento.',
  unknown: 'Algo salió mal: {{message}}',
};
