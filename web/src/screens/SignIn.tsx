import { useState, type FormEvent } from 'react';
import { useSession } from '../api/session';
import { ProblemBox } from '../ui/ProblemBox';
import { useCommand } from '../ui/useApi';

/** E-mail and password; the session lives in an httpOnly cookie set by the server. */
export function SignIn() {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const command = useCommand();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void command.run(() => signIn(email, password));
  };

  return (
    <main id="main" className="sign-in">
      <h1>Stockline</h1>
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">Sign in</h2>
        <label>
          E-mail
          <input
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ProblemBox problem={command.problem} />
        <button type="submit" className="primary" disabled={command.busy}>
          {command.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
