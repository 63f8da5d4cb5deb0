/**
 * How soon a message leaves, lower first (the outbound queue's priorities): replies and urgent
 * cards before status notices and cards, broadcast traffic last.
 */
export const Priority = { interactive: 1, status: 2, card: 2, bulk: 10 } as const;
