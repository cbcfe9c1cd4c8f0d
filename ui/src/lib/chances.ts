// A cause's chance drawn as a bar (the live result and the presenter): the width comes from the
// core's rounded share, so a bar is never finer than the figure beside it.

/** A bar's width in percent, from the core's rounded share: never empty nor full. */
export function barWidth(share: number): number {
  return Math.max(1, Math.min(99, Math.round(share * 100)));
}
