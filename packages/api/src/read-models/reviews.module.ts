import { Module } from '@nestjs/common';
import { reviewQueryHandlers } from './queries/review-queries';
import { ReviewsController } from './reviews.controller';

/** Reviews from the read models: performance and ranking, fulfilment, supervision. */
@Module({ controllers: [ReviewsController], providers: [...reviewQueryHandlers] })
export class ReviewsModule {}
