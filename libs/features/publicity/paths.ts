/** The public page of a unit's month (the latest published version, or version `v`). */
export const publicPath = (unitCode: string, month: string, version?: number): string =>
  `/gongshi/${encodeURIComponent(unitCode)}/${month}${version ? `/v${version}` : ''}`;
