// A chunk packed by the layout before "OTC2" ("OTC1", by the code of 3 December 2026: amounts and references as
// text), as IndexedDB may still hold it: rows 10, 11, 13, 14 of a ledger; cost centres 20500 / 3010, amounts
// "1,234.56", "(20.00)", "" and "-", references INV-0000123, INV-0000124, "Café – x", INV-0000126.
export const otc1Chunk = (): Uint8Array => Uint8Array.from(atob(OTC1_CHUNK), (c) => c.charCodeAt(0));

const OTC1_CHUNK =
  'T1RDMYcBAAB7ImluZGV4Ijo0LCJyb3dDb3VudCI6NCwibGluZVN0ZXBzIjp0cnVlLCJmaXJzdExpbmUiOjEwLCJ3YXJuZWQiOnRydWUsInJhdyI6W3siZGljdCI6Mn0seyJwbGFpbiI6dHJ1ZX0seyJwbGFpbiI6dHJ1ZX1dLCJwZW5jZSI6W1siYW1vdW50Iix7Im51bGxzIjp0cnVlfV1dLCJkYXRlcyI6W1sicG9zdGluZ0RhdGUiLHsiZGljdCI6M31dXSwidGV4dCI6InV0ZjgiLCJhcnJheXMiOlt7InQiOiJ1OCIsIm4iOjR9LHsidCI6InU4IiwibiI6NH0seyJ0IjoidTgiLCJuIjo0fSx7InQiOiJ1OCIsIm4iOjR9LHsidCI6InU4IiwibiI6NH0seyJ0IjoiaTMyIiwibiI6NH0seyJ0IjoidTMyIiwibiI6M30seyJ0IjoidTgiLCJuIjo0fSx7InQiOiJ1OCIsIm4iOjEwfSx7InQiOiJ1OCIsIm4iOjY5fV19AAoBAgEAAAAAAAABAAAAAAAEBAQEAAAAAAAAAAEAAAAAAAABAAAAAABA4gEAMPj//wAAAAAAAAAA3+4zAQAAAAD77jMBAAAAAAAAAQIAAAAABQQIBwABCwsICwAAAAAAADIwNTAwMzAxMDEsMjM0LjU2KDIwLjAwKS1JTlYtMDAwMDEyM0lOVi0wMDAwMTI0Q2Fmw6kg4oCTIHhJTlYtMDAwMDEyNgAAAA==';
