// What a sanitizer or profile removed or changed, and why. Repeats of the same thing are counted, not listed.

export interface Finding {
  rule: string;
  message: string;
  element?: string;
  attribute?: string;
}

export class FindingLog {
  private readonly entries = new Map<string, { finding: Finding; count: number }>();

  add(finding: Finding): void {
    const key = `${finding.rule}\u0000${finding.element ?? ''}\u0000${finding.attribute ?? ''}\u0000${finding.message}`;
    const entry = this.entries.get(key);
    if (entry) entry.count++;
    else this.entries.set(key, { finding, count: 1 });
  }

  list(): Finding[] {
    return [...this.entries.values()].map(({ finding, count }) => (count === 1 ? finding : { ...finding, message: `${finding.message} (${count} times)` }));
  }
}
