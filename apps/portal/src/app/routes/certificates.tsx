import { MyCertificates } from '../../features/certificates/components/MyCertificates';

export default function CertificatesRoute() {
  return <MyCertificates />;
}
