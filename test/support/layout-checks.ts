import type { Locator, Page } from "playwright-core";

/**
 * What a clerk would see as broken in a screenshot, as data a test can assert on: controls whose
 * text is cut (scrollWidth > clientWidth) or that lie partly outside the window.
 */
export function cutOrOutside(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((s) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(s)) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
      if (el.scrollWidth > el.clientWidth + 1) found.push(`cut: ${name}`);
      if (rect.left < 0 || rect.top < 0 || rect.right > window.innerWidth + 0.5 || rect.bottom > window.innerHeight + 0.5)
        found.push(`outside: ${name}`);
    }
    return found;
  }, selector);
}

/** The element is in the window and nothing covers its middle (not scrolled away, not under another box). */
export async function inSight(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const rect = el.getBoundingClientRect();
    if (rect.left < 0 || rect.top < 0 || rect.right > window.innerWidth || rect.bottom > window.innerHeight) return false;
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}
