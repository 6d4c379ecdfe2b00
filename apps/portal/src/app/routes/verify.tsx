import { useParams } from 'react-router';
import { VerifyCertificate } from '../../features/certificates/components/VerifyCertificate';

export default function VerifyRoute() {
  const { serial } = useParams();
  return <VerifyCertificate key={serial ?? ''} serial={serial} />;
}
