export async function runUiTest() { return []; }
