/** Query keys of individual plans; the list of a client's plans is kept up to date from each write's answer. */
export const planKeys = {
  all: ['plans'] as const,
  ofClient: (clientId: string) => ['plans', 'client', clientId] as const,
  responsibleStaff: ['plans', 'responsible-staff'] as const,
};
