import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BulkRowResultSchema, ErrorBodySchema, type BulkRowResult, type Member } from '@roster/contracts';
import { ApiError } from '../../../lib/api-error.ts';
import { writeChanges } from '../../../lib/live-member-cache.ts';
import type { BulkRequest } from './bulk-preview.ts';
import { membersCache } from './members-keys.ts';

/**
 * Runs the action and reads the NDJSON answer line by line as the server commits each row, so
 * progress and per-row results show while it runs.
 */
export async function runBulk(orgId: string, body: BulkRequest, onRow: (row: BulkRowResult) => void) {
  const url = new URL(`/api/orgs/${encodeURIComponent(orgId)}/members/bulk`, window.location.origin);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      credentials: 'same-origin',
      body: JSON.stringify({ ...body, preview: false }),
    });
  } catch {
    throw new ApiError(0, 'INTERNAL', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!response.ok || !response.body) {
    const parsed = ErrorBodySchema.safeParse(await response.json().catch(() => undefined));
    if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new ApiError(response.status, 'INTERNAL', `Request failed (${response.status})`);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const emit = (line: string) => {
    if (!line.trim()) return;
    const row = BulkRowResultSchema.safeParse(JSON.parse(line));
    if (row.success) onRow(row.data);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      emit(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
    }
  }
  emit(buffer + decoder.decode());
}

/** The run and the rows it reported so far; finished rows are patched into the cached lists too. */
export function useBulkRun(orgId: string) {
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<BulkRowResult[]>([]);
  const mutation = useMutation({
    mutationFn: (body: BulkRequest) => {
      setRows([]);
      return runBulk(orgId, body, (row) => {
        setRows((r) => [...r, row]);
        if (row.status !== 'ok') return;
        // The live events do the same; this keeps a tab without a live connection right.
        const next: Member | null = row.member ?? null;
        writeChanges(queryClient, membersCache, orgId, new Map([[row.userId, next]]));
      });
    },
  });
  return { ...mutation, rows };
}
