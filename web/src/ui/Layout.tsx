import { NavLink, Outlet, useLocation } from 'react-router';
import { useSession, type Role } from '../api/session';
import { ScreenBoundary } from './ScreenBoundary';

interface NavItem {
  to: string;
  label: string;
  roles: Role[];
}

const STAFF: Role[] = ['admin', 'manager', 'planner', 'sales', 'warehouse'];

/** What each role sees in the menu; the API still checks every call. */
export const NAV: NavItem[] = [
  { to: '/', label: 'Dashboard', roles: [...STAFF, 'customer'] },
  { to: '/orders', label: 'Orders', roles: ['admin', 'manager', 'sales', 'customer'] },
  { to: '/inventory', label: 'Inventory', roles: STAFF },
  { to: '/warehouse', label: 'Warehouse', roles: ['admin', 'manager', 'warehouse'] },
  { to: '/planning', label: 'Planning', roles: ['admin', 'manager', 'planner'] },
  { to: '/purchasing', label: 'Purchasing', roles: ['admin', 'manager', 'planner'] },
  { to: '/customers', label: 'Customers', roles: ['admin', 'manager', 'sales'] },
  { to: '/returns', label: 'Returns', roles: ['admin', 'manager', 'sales', 'warehouse'] },
  { to: '/imports', label: 'Imports', roles: ['admin', 'manager'] },
  { to: '/admin', label: 'Admin', roles: ['admin'] },
];

/** The back-office frame: a skip link, the menu for the user's role, and the page. */
export function Layout() {
  const { user, signOut } = useSession();
  const { pathname } = useLocation();
  if (!user) return null;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Stockline</span>
        <nav aria-label="Main">
          <ul>
            {NAV.filter((n) => n.roles.includes(user.role)).map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.to === '/'}>
                  {n.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {user.name} <span className="role">({user.role})</span>
        </span>
        <button type="button" className="link" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {/* Keyed by path: a failed screen does not stay failed on the next one. */}
        <ScreenBoundary key={pathname}>
          <Outlet />
        </ScreenBoundary>
      </main>
    </>
  );
}
