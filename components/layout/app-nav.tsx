'use client';

// The app's navigation, with the current page marked; on a phone it folds
// behind a menu button.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
  children?: NavItem[];
}

const isCurrent = (pathname: string, href: string) =>
  href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);

export function MenuButton({ controls }: { controls: string }) {
  return (
    <button
      type="button"
      className="shell-menu-button secondary"
      aria-controls={controls}
      aria-expanded="false"
      onClick={(event) => {
        const nav = document.getElementById(controls);
        const open = nav?.classList.toggle('open') ?? false;
        event.currentTarget.setAttribute('aria-expanded', String(open));
      }}
    >
      Menu
    </button>
  );
}

export function AppNav({ id, items }: { id: string; items: NavItem[] }) {
  const pathname = usePathname();
  const link = (item: NavItem) => (
    <Link
      href={item.href}
      aria-current={isCurrent(pathname, item.href) ? 'page' : undefined}
      onClick={() => document.getElementById(id)?.classList.remove('open')}
    >
      {item.label}
    </Link>
  );

  return (
    <nav id={id} className="shell-nav" aria-label="Main">
      <ul>
        {items.map((item) =>
          item.children ? (
            <li key={item.href}>
              <div className="nav-group">{item.label}</div>
              <ul className="nav-sub">
                {item.children.map((child) => (
                  <li key={child.href}>{link(child)}</li>
                ))}
              </ul>
            </li>
          ) : (
            <li key={item.href}>{link(item)}</li>
          ),
        )}
      </ul>
    </nav>
  );
}
