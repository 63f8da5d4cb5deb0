/**
 * How soon a message leaves, lower first (the outbound queue's priorities): a person in danger
 * (urgent and emergency cards, their alerts) ahead of everything, in any mode; then replies;
 * then status notices and ordinary cards; broadcast traffic last.
 */
export const Priority = { emergency: 1, interactive: 2, status: 3, card: 3, bulk: 10 } as const;
