export { IncentivesModule } from './incentives.module';
