import { Popconfirm, type PopconfirmProps } from 'antd';

/** antd's Popconfirm in a chunk of its own: only someone acting for a resident meets it on the board. */
export default function CancelForConfirm(props: PopconfirmProps) {
  return <Popconfirm {...props} />;
}
