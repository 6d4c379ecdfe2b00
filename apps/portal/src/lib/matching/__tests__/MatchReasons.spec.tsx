import { screen } from '@testing-library/react';
import { renderWithApp } from '../../../../test/render';
import { MatchReasons } from '../MatchReasons';

const reasons = [{ code: 'SKILLS', weight: 0.3, detail: null }];

describe('MatchReasons', () => {
  it('should show the score in normal mode', () => {
    renderWithApp(<MatchReasons score={0.68} reasons={reasons} />);
    expect(screen.getByText('Match 68%')).toBeInTheDocument();
  });

  it('should show no score and no reasons in elder mode, wherever a match is shown', () => {
    const { container } = renderWithApp(<MatchReasons score={0.68} reasons={reasons} />, { elder: true });
    expect(container).toBeEmptyDOMElement();
  });
});
