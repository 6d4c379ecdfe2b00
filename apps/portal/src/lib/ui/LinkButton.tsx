import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router';

/** A button that moves to another page in the app (a link inside a button would nest two controls). */
export function LinkButton({ to, ...props }: ButtonProps & { to: string }) {
  const navigate = useNavigate();
  return <Button {...props} onClick={() => navigate(to)} />;
}
