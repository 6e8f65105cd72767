import { z } from 'zod';

/** The answer of both schema routes: the whole document as text. */
export const schemaDocumentSchema = z.string().describe('The document (text/plain)');
