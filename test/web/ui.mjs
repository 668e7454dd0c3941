export async function runWebUiCheck() { throw new Error('not yet'); }
