import { Gunzip } from 'fflate';
import type { ByteBudget } from './byte-budget.ts';
import { ContractLoadError } from './errors.ts';
import { concatenate, damaged, inflateStep } from './unzip.ts';

/** Inflates a gzip stream within the budget, checking its declared size first and its real size as it goes. */
export function gunzipWithin(bytes: Uint8Array, budget: ByteBudget, archive: string): Uint8Array {
  // The trailer's last four bytes give the inflated size (modulo 4 GiB).
  if (bytes.length >= 18) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    budget.reserve(view.getUint32(bytes.length - 4, true), archive);
  }
  const parts: Uint8Array[] = [];
  const gunzip = new Gunzip((chunk) => {
    budget.spend(chunk.length, archive);
    parts.push(chunk);
  });
  try {
    for (let at = 0; at < bytes.length; at += inflateStep) {
      gunzip.push(bytes.subarray(at, at + inflateStep), at + inflateStep >= bytes.length);
    }
  } catch (error) {
    if (error instanceof ContractLoadError) throw error;
    throw damaged(archive, error);
  }
  return concatenate(parts);
}
