// An introduction's state as a badge (requested / accepted / declined / ended), in the reader's language.
import type { IntroductionStatus } from '../../../models/enums.ts';
import { enumLabel } from '../../i18n/labels.ts';
import { Badge } from '../components.tsx';
import type { Ui } from '../ui.ts';

const KIND = { requested: 'warn', accepted: 'ok', declined: 'bad', ended: 'info' } as const;

export function IntroStatusBadge(props: { ui: Ui; status: IntroductionStatus }) {
  return <Badge kind={KIND[props.status]}>{enumLabel(props.ui.lang, 'introductionStatus', props.status)}</Badge>;
}
